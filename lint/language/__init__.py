"""Knowledge about prose that the rules share: claims, figures and amounts, job titles
and role names, role vocabularies, repetition and template slots, and the packaged
data they load (`data/`). Reads documents; never judges them."""
