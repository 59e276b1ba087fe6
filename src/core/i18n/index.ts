// All user-facing text lives under src/core/i18n (Simplified Chinese). One module per area.
export * from './common';
