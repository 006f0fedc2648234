"""'What do I do now?' on the home page: the protocol's decisions as questions that lead to steps.

tree.py builds the questions and outcomes from the data (pure); render.py writes them as nested
<details> that work without JavaScript; docs/assets/javascripts/what-now.js reads that same HTML
and asks one question at a time.
"""
