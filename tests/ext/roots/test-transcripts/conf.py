extensions = ["myst_parser", "guide.sphinxext"]
highlight_language = "text"
guide_transcript_cache = ""  # always run: this root checks what a run renders
