// Shared unchanged with the current fold: only the fold logic differs in this reference.
export * from '../../../../src/servicing/penalties/moratorium.ts';
