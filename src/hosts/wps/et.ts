// The part of WPS 表格's ET object model this adapter touches, typed by hand. WPS exposes the VBA/COM object model
// to add-in pages as synchronous JS on `window.Application` (research note ../shared/docs/wps-addin.md §2): every
// property access or call is a cross-process call, collections are 1-based and read with `.Item()`, parameterised
// properties are methods (`Range(addr)`, `Address()`), enums are the VBA numbers, colours are BGR integers.
// `et-jsapi-declare` (§5.2) types most members as `TypedAny`, so we declare only what we use, as narrowly as we
// use it; the fake in test/fakes/wps implements exactly these interfaces.

/** An ET colour: `r + g * 256 + b * 65536` (BGR, red = 0x0000FF) — wps-addin.md §2.3 "Colour = BGR integer". */
export type EtColor = number;

/** VBA enum values; `Application.Enum` differs between WPS versions, so they are hard-coded (§2.1 rule 4). */
export const XL = {
  /** XlHAlign / XlVAlign. */
  hLeft: -4131,
  hRight: -4152,
  center: -4108,
  vTop: -4160,
  vBottom: -4107,
  /** XlBordersIndex (§2.2 Borders row). */
  edgeLeft: 7,
  edgeTop: 8,
  edgeBottom: 9,
  edgeRight: 10,
  insideVertical: 11,
  insideHorizontal: 12,
  /** XlLineStyle. */
  continuous: 1,
  lineNone: -4142,
  /** XlBorderWeight. */
  thin: 2,
  medium: -4138,
  /** XlPaperSize / XlPageOrientation. */
  paperA4: 9,
  portrait: 1,
  landscape: 2,
  /** Interior.ColorIndex that clears a fill (§2.2 Fill row). */
  colorIndexNone: -4142,
} as const;

/** `window.Application` in an ET add-in page (§1.5: injected global, synchronous). */
export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveSheet: EtWorksheet | null;
  /** §2.2 "Bulk speed": off while writing, restored afterwards. */
  ScreenUpdating: boolean;
  /** §2.3 "Dialogs": Merge() losing values and Delete() ask for confirmation unless this is false. */
  DisplayAlerts: boolean;
}

export interface EtWorkbook {
  /** Every sheet (worksheets and chart sheets): a new sheet's name must differ from all of them. */
  readonly Sheets: EtSheets;
  readonly Worksheets: EtSheets;
  readonly ActiveSheet: EtWorksheet | null;
}

/** `Worksheets` / `Sheets` (§2.1 rule 1: `.Item(i)` 1-based, or `.Item(name)`). */
export interface EtSheets {
  readonly Count: number;
  Item(index: number | string): EtWorksheet;
  /**
   * VBA `Sheets.Add(Before, After, Count, Type)`; §2.2 "New sheet" row. Returns the new sheet, or null on some
   * builds (§2.3 "Sheets.Add return value": then the new sheet is the active one).
   */
  Add(Before?: EtWorksheet | null, After?: EtWorksheet | null, Count?: number, Type?: number): EtWorksheet | null;
}

export interface EtWorksheet {
  Name: string;
  /** 1-based position among the workbook's sheets (§2.1 rule 3). */
  readonly Index: number;
  /** A1 address: a cell, a rectangle, whole columns ("A:C") or whole rows ("1:3"). A method (§2.1 rule 2). */
  Range(address: string): EtRange;
  Activate(): void;
  readonly PageSetup: EtPageSetup;
  readonly HPageBreaks: EtHPageBreaks;
}

export interface EtRange {
  /** 1-based first row / column. */
  readonly Row: number;
  readonly Column: number;
  /**
   * Values without Date/Currency types (§2.3 "Value2 shapes", "Dates"). Read: a scalar for one cell, an array of
   * row arrays otherwise (null for an empty cell). Write: a scalar (every cell) or rows × cols. A string is typed in
   * as if entered by hand ("25%" becomes 0.25, "=x" a formula) unless it starts with an apostrophe.
   */
  Value2: unknown;
  /** One format for every cell (VBA reads null when they differ). */
  NumberFormat: string | null;
  readonly MergeCells: boolean | null;
  /** VBA `Merge(Across)`; may ask before dropping values (DisplayAlerts). */
  Merge(Across?: boolean): void;
  UnMerge(): void;
  readonly Font: EtFont;
  HorizontalAlignment: number | null;
  VerticalAlignment: number | null;
  WrapText: boolean | null;
  readonly Borders: EtBorders;
  readonly Interior: EtInterior;
  /** Character units (§2.3 "Column width units"); null when the columns differ. */
  ColumnWidth: number | null;
  /** Points (read-only): ≈ 5.625 × ColumnWidth + 3.35 on WPS 12.1.0.28043 (§2.3). */
  readonly Width: number;
  /** Points; null when the rows differ. */
  RowHeight: number | null;
  Select(): void;
}

export interface EtFont {
  Name: string | null;
  Size: number | null;
  Bold: boolean | null;
  Color: EtColor | null;
}

/** `Borders.Item(i)`, i = XL.edge* / XL.inside* (§2.2 Borders row). May throw on some builds (§2.3 "Borders"). */
export interface EtBorders {
  Item(index: number): EtBorder;
}

export interface EtBorder {
  LineStyle: number | null;
  Weight: number | null;
  Color: EtColor | null;
}

export interface EtInterior {
  Color: EtColor | null;
  ColorIndex: number | null;
}

/** VBA PageSetup: margins in points, Zoom false for fit-to-pages, FitToPagesTall false for "as many as needed". */
export interface EtPageSetup {
  PaperSize: number;
  Orientation: number;
  Zoom: number | false;
  FitToPagesWide: number | false;
  FitToPagesTall: number | false;
  LeftMargin: number;
  RightMargin: number;
  TopMargin: number;
  BottomMargin: number;
  HeaderMargin: number;
  FooterMargin: number;
  CenterHorizontally: boolean;
  /** "$9:$10" (1-based, absolute), "" for none. */
  PrintTitleRows: string;
}

export interface EtHPageBreaks {
  readonly Count: number;
  /** A manual break above `Before`'s row. */
  Add(Before: EtRange): unknown;
}
