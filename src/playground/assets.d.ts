// Workbooks bundled by webpack as files: importing one gives its URL.
declare module '*.xlsx' {
  const url: string;
  export default url;
}
