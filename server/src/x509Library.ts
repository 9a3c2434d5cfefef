// The @peculiar/x509 stack (with the Reflect polyfill it needs first) as a bundle of its own,
// dist/x509-library.js: about a third of the server's code, compiled only when a certificate is
// first decoded in full (service/x509/peculiar.ts requires it), not at every start-up.
import 'reflect-metadata/lite';

export * from '@peculiar/x509';
