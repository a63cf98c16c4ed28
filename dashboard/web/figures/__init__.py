"""Pure figure builders: data in, ``go.Figure`` out. Callbacks and exports both use them."""
