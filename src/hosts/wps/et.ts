// The part of WPS 表格's ET object model this adapter touches, typed by hand. WPS exposes the VBA/COM object model
// to add-in pages as synchronous JS on `window.Application` (research note ../shared/docs/wps-addin.md §2): every
// property access or call is a cross-process call, collections are 1-based and read with `.Item()`, parameterised
// properties are methods (`Range(addr)`, `Address()`), enums are the VBA numbers, colours are BGR integers.
// `et-jsapi-declare` (§5.2) types most members as `TypedAny`, so we declare only what we use, as narrowly as we
// use it; the fake in src/fakes/wps implements exactly these interfaces.

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
  /** XlSheetVisibility. */
  sheetVisible: -1,
  sheetHidden: 0,
  sheetVeryHidden: 2,
  /** XlInsertShiftDirection / XlInsertFormatOrigin: new rows take the formats of the row above. */
  shiftDown: -4121,
  formatFromLeftOrAbove: 0,
} as const;

/**
 * CVErr values: a formula error comes back from Value2 as one of these numbers, not as its text (§2.3 "Formula
 * errors"; the VBA error numbers 2000…2045 plus 0x800A0000 as a signed 32-bit integer).
 */
export const CVERR: Record<number, string> = {
  [-2146826288]: '#NULL!',
  [-2146826281]: '#DIV/0!',
  [-2146826273]: '#VALUE!',
  [-2146826265]: '#REF!',
  [-2146826259]: '#NAME?',
  [-2146826252]: '#NUM!',
  [-2146826246]: '#N/A',
  [-2146826245]: '#GETTING_DATA',
};

/** `window.Application` in an ET add-in page (§1.5: injected global, synchronous). */
export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveSheet: EtWorksheet | null;
  /** §2.2 "Bulk speed": off while writing, restored afterwards. */
  ScreenUpdating: boolean;
  /** §2.3 "Dialogs": Merge() losing values and Delete() ask for confirmation unless this is false. */
  DisplayAlerts: boolean;
  /** The selected object: a Range when cells are selected, something else (a chart, a shape) otherwise. */
  readonly Selection: unknown;
  readonly ActiveWindow: EtWindow | null;
  /** §1.5 Events: `AddApiEventListener('SheetChange', cb)`, cb(sheet, target). */
  readonly ApiEvent: EtApiEvent;
  /** The WPS build, e.g. "12.1.0.16910". */
  readonly Build: string;
}

export interface EtWindow {
  /** 1-based first row / column shown. */
  ScrollRow: number;
  ScrollColumn: number;
}

export type EtSheetChangeHandler = (sheet: EtWorksheet, target: EtRange) => void;

export interface EtApiEvent {
  AddApiEventListener(event: 'SheetChange', handler: EtSheetChangeHandler): unknown;
  RemoveApiEventListener(event: 'SheetChange', handler: EtSheetChangeHandler): unknown;
}

export interface EtWorkbook {
  /** Every sheet (worksheets and chart sheets): a new sheet's name must differ from all of them. */
  readonly Sheets: EtSheets;
  readonly Worksheets: EtSheets;
  readonly ActiveSheet: EtWorksheet | null;
  /** The workbook's structure is protected: sheets cannot be added, deleted or renamed. */
  readonly ProtectStructure: boolean;
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
  /** XL.sheetVisible / sheetHidden / sheetVeryHidden. */
  Visible: number;
  /** Deletes the sheet; asks first unless DisplayAlerts is false. */
  Delete(): void;
  /** The rectangle from the first to the last used cell (A1, 1×1, for an empty sheet: §2.3 "Empty sheet"). */
  readonly UsedRange: EtRange;
  /** The sheet's legacy comments (ET has no threads). */
  readonly Comments: EtComments;
  /** The sheet is protected: its cells cannot be changed. */
  readonly ProtectContents: boolean;
  readonly PageSetup: EtPageSetup;
  readonly HPageBreaks: EtHPageBreaks;
}

export interface EtRange {
  /** 1-based first row / column. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  /** A1 address, `Address(false, false)` without $ (a method: §2.1 rule 2). */
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  readonly Worksheet: EtWorksheet;
  /** The displayed text of one cell (null for a range whose cells show different texts). */
  readonly Text: string | null;
  /** The merged area the (first) cell belongs to, or the cell itself. */
  readonly MergeArea: EtRange;
  /** The cell's legacy comment, or null. */
  readonly Comment: EtComment | null;
  /** Deletes the comments of every cell of the range (multi-area addresses too). */
  ClearComments(): void;
  /** Adds a legacy comment; throws when the cell already has one (§2.3). */
  AddComment(Text: string): EtComment;
  /** VBA Range.Insert(Shift, CopyOrigin): on whole rows ("5:7"), inserts rows above them. */
  Insert(Shift?: number, CopyOrigin?: number): unknown;
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

export interface EtComment {
  /** VBA Comment.Text(Text?): the comment's text (a method); with an argument, replaces it (keeping its author). */
  Text(text?: string): string;
  /** Who wrote it (the WPS user name). */
  readonly Author: string;
  Delete(): void;
  /** The commented cell. */
  readonly Parent: EtRange;
}

export interface EtComments {
  readonly Count: number;
  Item(index: number): EtComment;
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
