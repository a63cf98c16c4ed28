"""Callbacks wire component inputs to figure builders and the store; they hold no domain logic."""
