# A project of one page and one example, for the engine's tests.
extensions = ["myst_parser", "guide.sphinxext"]
exclude_patterns = ["_build"]
highlight_language = "text"
html_theme = "basic"  # the lightest theme: the tests read the pages, nobody looks at them
guide_transcript_cache = "_build/.transcripts"
