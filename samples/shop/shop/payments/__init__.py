"""Payments: talks to the card provider, records payments and refunds."""
