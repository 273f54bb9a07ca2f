"""Buttons: an answer's actions are stored under short keys, and a press runs the stored command as the presser."""
