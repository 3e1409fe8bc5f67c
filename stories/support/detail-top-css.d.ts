// Lets stories import component stylesheets for their side effects (TS 6 checks side-effect imports).
// Remove once src/theme/styles.css @imports the component styles and stories stop importing them.
declare module '*.css';
