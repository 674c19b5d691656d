"""Structure rules: files that read, sections present, non-empty, known, once each and
in order, and content of the right shape. Importing the package registers them all."""

from . import content, readability, sections

__all__ = ["content", "readability", "sections"]
