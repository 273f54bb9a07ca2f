"""The club's calendar: an iCalendar file of its parties and club nights, and the secret address to subscribe to it."""
