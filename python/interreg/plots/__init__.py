"""Plots (matplotlib, imported only when something is drawn): the budget by partner and by
country, the work plan's timeline, and partner networks.

The model's methods (``BudgetSummary.plot_partners``, ``WorkPlan.plot_timeline``, ...) call
these; they read model objects and never import the model.
"""
