"""The parts of the demo's builder, assembled into one ``_Builder`` by ``demo.builder``."""
