"""Use cases. Every public function takes the Database and the acting user; roles are checked here."""
