// Imported before @fluentui/react: an empty font base URL stops Fluent registering @font-face rules that point at
// its CDN. The pane works offline and uses the system's Chinese fonts (theme.ts).
interface FabricWindow {
  FabricConfig?: { fontBaseUrl?: string; [k: string]: unknown };
}

if (typeof window !== 'undefined') {
  const w = window as unknown as FabricWindow;
  w.FabricConfig = { ...(w.FabricConfig || {}), fontBaseUrl: '' };
}

export {};
