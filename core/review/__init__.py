"""The club's year in review: what it watched, liked, argued over and who kept it going, as text and as a picture."""
