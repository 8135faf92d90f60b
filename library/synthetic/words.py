"""What synthetic documents are made of: words, outlets, the taxonomy and the people.

The everyday words are few on purpose: a filter for common words ("model data
vision") then matches a large share of the corpus, as on a real site, which is what
the benchmark's keystrokes are meant to feel.
"""

from __future__ import annotations

WORDS = [
    "model",
    "data",
    "vision",
    "network",
    "robot",
    "cloud",
    "chip",
    "sensor",
    "camera",
    "privacy",
    "law",
    "court",
    "city",
    "market",
    "startup",
    "funding",
    "research",
    "lab",
    "study",
    "policy",
    "speech",
    "language",
    "agent",
    "learning",
    "training",
    "inference",
    "edge",
    "device",
    "car",
    "health",
    "patient",
    "bank",
    "fraud",
    "security",
    "face",
    "image",
    "video",
    "text",
    "platform",
    "service",
    "launch",
    "release",
    "partner",
    "growth",
    "forecast",
    "report",
    "survey",
    "benchmark",
    "accuracy",
    "bias",
    "fairness",
    "regulation",
    "ban",
    "proposal",
    "council",
    "session",
    "company",
    "team",
    "drone",
    "factory",
    "energy",
]

# Outlets: "<Word> Times", "<Word> Daily", ... with a matching domain.
PROVIDERS = tuple(
    (f"{word.capitalize()} {kind}", f"{word}{kind.lower()}.example")
    for word in WORDS[:48]
    for kind in ("Times", "Daily", "Wire", "Post")
)

# (file-name prefix, name, parent, shortname): the site orders its taxonomy by file name,
# which is not alphabetical; several files may share a prefix.
TOPICS = (
    ("00", "AI", None, None),
    ("01", "Machine Learning", "AI", "ML"),
    ("02", "Computer Vision", "AI", "Vision"),
    ("03", "Natural Language Processing", "AI", "NLP"),
    ("04", "AI Ethics", "AI", None),
    ("05", "AI Hardware", "AI", None),
    ("06", "AI in Autos", "AI", "Autos"),
    ("07", "AI in Healthcare", "AI", "Healthcare"),
    ("08", "AI in Finance", "AI", "Finance"),
    ("08", "AI in Security", "AI", "Security"),
    ("09", "AI in Robotics", "AI", "Robotics"),
    ("10", "AWS AI", "AI", None),
    ("11", "Microsoft AI", "AI", None),
    ("12", "Google AI", "AI", None),
    ("13", "Meta AI", "AI", None),
    ("14", "IBM AI", "AI", None),
    ("15", "TensorFlow", "Google AI", None),
    ("16", "Deep Learning", "Machine Learning", None),
    ("17", "Transformers", "Deep Learning", None),
    ("18", "Face Recognition", "Computer Vision", None),
    ("19", "Speech", "Natural Language Processing", None),
)

# (folder, type, outlets): learning items sit two folders below ``_learning``.
LEARNING = (
    ("videos", "video", ("youtube", "vimeo")),
    ("courses", "course", ("coursera", "edx", "udacity")),
    ("books", "book", ("amazon", "oreilly")),
    ("answers", "answer", ("aws", "azure")),
)
LEVELS = ("Beginner", "Intermediate", "Advanced")

FIRST_NAMES = [
    "Ada",
    "Grace",
    "Alan",
    "Fei",
    "Yann",
    "Andrew",
    "Daphne",
    "Geoffrey",
    "Timnit",
    "Demis",
    "Joy",
    "Ilya",
]
LAST_NAMES = [
    "Lovelace",
    "Hopper",
    "Turing",
    "Li",
    "LeCun",
    "Ng",
    "Koller",
    "Hinton",
    "Gebru",
    "Hassabis",
    "Buolamwini",
]
PLACES = ("Palo Alto, CA", "London", "Montreal", "Toronto", "Paris", "Zurich", "Beijing")

NEWSLETTER = "A.I. Every Day"
SITE = "https://everyday.example/ai"
