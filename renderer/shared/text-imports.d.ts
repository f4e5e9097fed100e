/** Files the components import as text (esbuild's `with { type: 'text' }`), to adopt as style sheets under the CSP. */
declare module 'altcha/altcha.css' {
  const css: string;
  export default css;
}
