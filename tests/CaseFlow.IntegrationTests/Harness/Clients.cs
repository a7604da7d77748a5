// The generated gRPC clients, by short names: test folders named after the services shadow their namespaces.
global using IntakeClient = CaseFlow.Intake.Api.V1.Intake.IntakeClient;
global using CorrespondenceClient = CaseFlow.Correspondence.Api.V1.Correspondence.CorrespondenceClient;
global using ReunificationClient = CaseFlow.Reunification.Api.V1.Reunification.ReunificationClient;
