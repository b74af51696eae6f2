"""Patient-information chat bot about epilepsy and multiple sclerosis."""

__version__ = "0.1.0"
