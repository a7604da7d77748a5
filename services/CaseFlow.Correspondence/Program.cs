await CaseFlow.Correspondence.CorrespondenceService.Build(args).RunAsync();
