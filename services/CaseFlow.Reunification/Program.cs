await CaseFlow.Reunification.ReunificationService.Build(args).RunAsync();
