"""The question bank: article, facts, generated questions and their gates.

Nothing in this package imports Textual; a test enforces it.
"""
