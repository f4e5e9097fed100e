/**
 * The authors' preview in the page (served by `npm run preview` only, never by the portal): a
 * banner above the portal saying it is a preview and whether the form on screen is a draft, the
 * checker's problems as a GOV.UK error summary, links to any page of the form; and, on its own
 * page (/preview), every form in the folder with each version's status and pages. The page
 * reloads when the preview says a saved change is ready, keeping the answers typed so far.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { baseStyles } from '../shared/styles.ts';
import { errorSummary } from '../shared/govuk/index.ts';
import type { AscPageChangeDetail } from '../shared/events.ts';
import type { AscForm } from '../form/asc-form.ts';
import { CARRY_KEY } from '../form/carried-answers.ts';
import { previewApi } from '../preview-api.ts';
import { jumpPath, type PreviewForm, type PreviewState, type PreviewVersion } from './preview-state.ts';

const STATUS_WORDS: Record<PreviewVersion['status'], string> = {
  draft: 'Draft – not published',
  published: 'Published',
  retired: 'Retired',
};

/** The form on the portal's page, if one is open. */
function openForm(): AscForm | null {
  return document.querySelector('asc-portal')?.shadowRoot?.querySelector('asc-form') ?? null;
}

let reloading = false;
// The portal asks before a reload loses answers; the preview carries them across its own reloads.
window.addEventListener(
  'beforeunload',
  (event) => {
    if (reloading) event.stopImmediatePropagation();
  },
  { capture: true },
);

/** Reloads the page, the open form's answers and page carried in the address as the portal takes them. */
function reloadKeepingAnswers(): void {
  reloading = true;
  const form = openForm();
  if (form && location.pathname.startsWith(`/forms/${form.formId}`)) {
    const carried = { formId: form.formId, version: form.version, pageId: form.pageId, answers: form.currentAnswers };
    location.hash = `${CARRY_KEY}=${encodeURIComponent(JSON.stringify(carried))}`;
  }
  location.reload();
}

/**
 * @summary The authors' preview: draft banner, the checker's problems, jumps to any page, the list of forms.
 */
@customElement('asc-preview')
export class AscPreview extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .banner { max-width: var(--asc-max-width); margin: 0 auto; padding: 10px 15px; }
      .phase { border-bottom: 1px solid var(--asc-colour-border); padding-bottom: 10px; margin: 0 0 10px; }
      .tag { display: inline-block; margin-right: 10px; padding: 2px 8px; font-weight: 700; font-size: 1rem; background: #d2e2f1; color: #0c2d4a; }
      .tag-draft { background: #fff7bf; color: #594d00; }
      .tag-retired { background: #e5e6e7; color: #272829; }
      .tag-published { background: #cce2d8; color: #005a30; }
      .page { max-width: var(--asc-max-width); margin: 0 auto; padding: 30px 15px; }
      .version { border-left: 5px solid var(--asc-colour-border); padding-left: 15px; margin-bottom: 30px; }
      .panel { background: var(--asc-colour-panel); padding: 10px 15px; margin-bottom: 15px; }
      details summary { color: var(--asc-colour-link); cursor: pointer; text-decoration: underline; }
      code { font-family: ui-monospace, monospace; font-size: 1rem; }
    `,
  ];

  /** `forms` for the page listing every form; the banner above the portal otherwise. */
  @property() view: 'banner' | 'forms' = 'banner';

  @state() private preview?: PreviewState;
  @state() private onScreen?: { formId: string; version: number };
  private events?: EventSource;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    this.events = previewApi.events();
    this.events.addEventListener('reload', reloadKeepingAnswers);
    this.events.addEventListener('problems', () => void this.load());
    document.addEventListener('asc-page-change', this.onPageChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.events?.close();
    document.removeEventListener('asc-page-change', this.onPageChange);
  }

  private onPageChange = (event: Event): void => {
    const { formId, version } = (event as CustomEvent<AscPageChangeDetail>).detail;
    this.onScreen = { formId, version };
  };

  private async load(): Promise<void> {
    this.preview = await previewApi.state().catch(() => this.preview);
  }

  override render(): TemplateResult {
    const preview = this.preview;
    if (this.view === 'forms')
      return html`<main class="page" id="main">
        <h1>Forms in this folder</h1>
        <p>A preview on this computer of every form, drafts included. Pages open signed in as a sample person, Sam Sample; nothing is saved or sent.</p>
        ${preview ? html`${this.problems(preview)}${preview.forms.map((form) => this.formEntry(form, preview))}` : html`<p role="status">Loading…</p>`}
      </main>`;
    return html`<div class="banner" role="region" aria-label="Preview">
      <p class="phase"><strong class="tag">Preview</strong>${this.onScreenTag()}Only you can see this, on this computer: nothing is saved or sent. <a href="/preview">All forms and pages</a></p>
      ${preview ? html`${this.problems(preview)}${this.pagesOfForm(preview)}` : nothing}
    </div>`;
  }

  /** The version of the form on screen, and its status when it is not published. */
  private versionOnScreen(preview: PreviewState): { form: PreviewForm; version: PreviewVersion } | null {
    const match = /^\/forms\/([a-z0-9-]+)/.exec(location.pathname);
    const form = preview.forms.find((f) => f.id === match?.[1]);
    if (!form) return null;
    const onScreen = this.onScreen;
    const number = onScreen?.formId === form.id ? onScreen.version : form.opens;
    const version = form.versions.find((v) => v.version === number);
    return version ? { form, version } : null;
  }

  private onScreenTag(): TemplateResult | typeof nothing {
    const shown = this.preview && this.versionOnScreen(this.preview);
    if (!shown || shown.version.status === 'published') return nothing;
    return html`<strong class="tag tag-${shown.version.status}">${STATUS_WORDS[shown.version.status]}</strong>Version ${shown.version.version} of this form. `;
  }

  private problems(preview: PreviewState): TemplateResult | typeof nothing {
    if (!preview.problems.length) return nothing;
    const count = preview.problems.length;
    return errorSummary({
      title: `There ${count === 1 ? 'is a problem' : `are ${count} problems`} in the forms folder`,
      description: 'Until a file is put right, the preview shows it as it was when it last had none.',
      errors: preview.problems.map((p) => ({
        message: html`<code>${p.file}:${p.line}:${p.column}</code> ${p.pointer ? html`<code>${p.pointer}</code>` : nothing} ${p.message}`,
      })),
    });
  }

  private pageLinks(form: PreviewForm, version: PreviewVersion): TemplateResult {
    return html`<ol>
      ${version.pages.map(
        (page) =>
          html`<li>${page.reachable ? html`<a href=${jumpPath(form.id, version.version, page.id)} rel="noreferrer">${page.title}</a>` : html`${page.title} (no answers found that show this page: check its showIf)`}</li>`,
      )}
    </ol>`;
  }

  private pagesOfForm(preview: PreviewState): TemplateResult | typeof nothing {
    const shown = this.versionOnScreen(preview);
    if (!shown) return nothing;
    return html`<details><summary>Go to a page of this form, with answers that show it</summary>
      ${this.pageLinks(shown.form, shown.version)}</details>`;
  }

  private formEntry(form: PreviewForm, preview: PreviewState): TemplateResult {
    const newest = form.versions.at(-1)!;
    return html`<section aria-labelledby="form-${form.id}">
      <h2 id="form-${form.id}">${newest.title}</h2>
      <p class="caption">forms/${form.id}/</p>
      ${[...form.versions].reverse().map(
        (version) => html`<div class="version">
          <h3><strong class="tag tag-${version.status}">${STATUS_WORDS[version.status]}</strong>Version ${version.version}</h3>
          <p>${
            form.opens === version.version
              ? html`<a href="/forms/${form.id}">Open ${version.title}</a> (the form's own address opens this version in preview)`
              : html`<a href=${jumpPath(form.id, version.version, version.pages[0]!.id)} rel="noreferrer">Open version ${version.version}</a>`
          }</p>
          <details><summary>Pages (${version.pages.length})</summary>${this.pageLinks(form, version)}</details>
          ${this.views(form, version, preview)}
        </div>`,
      )}
    </section>`;
  }

  /** Where the flow diagram and what changed show, once they are part of the preview. */
  private views(form: PreviewForm, version: PreviewVersion, preview: PreviewState): TemplateResult {
    const base = `/preview/api/forms/${form.id}/versions/${version.version}`;
    const earlier = form.versions.some((v) => v.version < version.version);
    return html`<div class="panel">
      <p>${preview.views.flow ? html`<a href="${base}/flow.svg">Flow of the pages, as a picture</a> or <a href="${base}/flow.txt">in words</a>` : 'The flow of the pages, as a picture, is not part of this preview yet.'}</p>
      ${earlier ? html`<p>${preview.views.changes ? html`<a href="${base}/changes">What changed from the version before</a>` : 'What changed from the version before is not part of this preview yet.'}</p>` : nothing}
    </div>`;
  }
}
