/**
 * The portal's page: defines <asc-portal>, the <asc-form> it opens and the <asc-captcha> in front
 * of a form's first page. The account screens come when first shown (portal/account-pages.ts);
 * index.ts is the components' whole public surface, for pages that want every one at once.
 */
import './portal/asc-portal.ts';
import './account/asc-captcha.ts';
