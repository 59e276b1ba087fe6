// The pane's Fluent theme: the system's Chinese UI fonts (nothing downloaded) and Excel's green as the accent.
import { createTheme, Theme } from '@fluentui/react';

export const FONT_FAMILY =
  "'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Noto Sans SC', " +
  "'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";

export const paneTheme: Theme = createTheme({
  defaultFontStyle: { fontFamily: FONT_FAMILY },
  palette: {
    themePrimary: '#107c41',
    themeLighterAlt: '#f1f9f5',
    themeLighter: '#c9e8d7',
    themeLight: '#9ed4b6',
    themeTertiary: '#53aa7a',
    themeSecondary: '#208b51',
    themeDarkAlt: '#0e703a',
    themeDark: '#0c5e31',
    themeDarker: '#094524',
  },
});

/** Severity colours: the light fills the add-in puts on cells (core/marks.ts) with dark text of the same hue. */
export const severityColours = {
  error: { background: '#FFC7CE', color: '#9C0006', border: '#e8a0a8' },
  warning: { background: '#FFEB9C', color: '#7a4500', border: '#e6c860' },
  info: { background: '#DDEBF7', color: '#1F4E79', border: '#a9c6e3' },
};
