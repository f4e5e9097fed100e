/**
 * The portal's tiles and DoLS links to forms: each must lead to a form someone can start, one with
 * a published version. A link to a form that does not exist, has only drafts, or whose every
 * version is retired is refused at the link, naming the form and what to do.
 */
import type { DefinitionProblem } from '../errors.ts';
import type { PortalContent } from './portal.types.ts';

/** One definition file in forms/: its form, version and status. */
export interface FormVersionStatus {
  id: string;
  version: number;
  status: string;
}

export function portalLinkProblems(content: PortalContent, versions: FormVersionStatus[]): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const open = [...new Set(versions.filter((v) => v.status === 'published').map((v) => v.id))].sort();
  const elsewhere = open.length
    ? `point it at a form that is published (${open.join(', ')})`
    : 'point it at a form that is published (none is yet)';
  const check = (pointer: string, id: string, what: string) => {
    const own = versions.filter((v) => v.id === id).sort((a, b) => a.version - b.version);
    const refuse = (code: string, message: string) => problems.push({ pointer, code, message });
    if (!own.length) {
      const known = [...new Set(versions.map((v) => v.id))].sort();
      return refuse(
        'unknown-form',
        `There is no form "${id}" in forms/. Use the id of a form there (${known.join(', ')}).`,
      );
    }
    if (own.some((v) => v.status === 'published')) return;
    const drafts = own.filter((v) => v.status === 'draft');
    if (drafts.length === own.length) {
      const latest = drafts.at(-1)!;
      return refuse(
        'form-not-published',
        `${what} leads to "${id}", which has only ${drafts.length === 1 ? 'a draft' : 'drafts'} (${drafts.map((v) => `v${v.version}`).join(', ')}), so nobody could start it. Publish ${id} first (set "status": "published" in forms/${id}/v${latest.version}.json and run \`npm run validate-forms -- --lock\`), or ${elsewhere}.`,
      );
    }
    const next = own.at(-1)!.version + 1;
    refuse(
      'form-retired',
      `${what} leads to "${id}", whose every version is retired, so no new referral can start on it. Publish a new version of ${id} (v${next}.json${drafts.length ? `, or the draft v${drafts.at(-1)!.version}.json` : ''}), or ${elsewhere}, or take the link out.`,
    );
  };
  for (const page of ['home', 'referrals'] as const)
    content[page].tiles.forEach((tile, i) => {
      if (tile.form) check(`/${page}/tiles/${i}/form`, tile.form, `The tile "${tile.title}"`);
    });
  content.dols.forms.forEach((link, i) => check(`/dols/forms/${i}/form`, link.form, `The link "${link.title}"`));
  return problems;
}
