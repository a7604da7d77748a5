await CaseFlow.Dashboard.DashboardService.Build(args).RunAsync();
