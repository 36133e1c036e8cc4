"""Compare step: promotion policy and the registry champion lookup."""
