"""Composers turn evidence into an answer: grounded (no LLM) by default, LLM-written when configured."""
