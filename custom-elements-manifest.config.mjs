// The custom elements manifest of the components (build/public/custom-elements.json): their
// attributes, properties, events, parts and CSS properties, for editors and documentation tools.
export default {
  globs: [
    'renderer/form/asc-form.ts',
    'renderer/form/asc-form.component.ts',
    'renderer/portal/asc-portal.component.ts',
    'renderer/portal/asc-portal.ts',
    'renderer/account/asc-account.component.ts',
    'renderer/account/asc-account.ts',
    'renderer/account/asc-captcha.ts',
  ],
  outdir: 'build/public',
  litelement: true,
  packagejson: false,
};
