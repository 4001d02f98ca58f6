export const SITE_TITLE = 'Astro のブログ';
export const SITE_DESCRIPTION = 'Astro の検出テスト';
