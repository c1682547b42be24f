"""Writers of what the library shows and exports: the notebook's HTML, the Excel workbook, and
the narrative draft (an outline rendered as Markdown or Word).

The model's methods (``_repr_html_``, ``to_excel``, ``to_markdown``, ``to_docx``) call these;
they read model objects and never import the model.
"""
