"""Rules by category, one module each: structure, consistency, duplication, evidence,
hygiene. Importing a module registers its rules."""
