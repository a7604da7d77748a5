await CaseFlow.Intake.IntakeService.Build(args).RunAsync();
