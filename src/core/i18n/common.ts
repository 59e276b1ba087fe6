import { Severity } from '../diagnostic';

export const severityLabel: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
