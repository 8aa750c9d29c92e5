"""The toolkit's manual checklists and risk tables as a guided, resumable questionnaire."""
