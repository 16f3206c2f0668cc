"""Figure functions of the chapters: each draws one chart from its analysis table and publishes it."""
