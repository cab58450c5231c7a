"""Chapter: what fails around the view: before and after request functions, handlers, teardown."""
