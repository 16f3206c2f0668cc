"""North American Integration in Data: the helper package behind the book.

Layers (data flows one way): ``registry`` (files, hashes, fetching) -> ``sources`` (one loader per
source file, validated tidy tables) -> ``analysis`` (one function per question) -> ``charts`` (house
style, CSV export, alt text) and ``claims`` (report figures next to the data's).
"""

__version__ = "0.1.0"
