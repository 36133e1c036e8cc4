"""Code shared by the pipeline components (feature engineering, metrics, file helpers)."""
