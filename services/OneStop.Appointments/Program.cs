using OneStop.Appointments;
using OneStop.Appointments.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("appointments", 5102);
builder.AddAppointments();

var app = builder.Build();
app.MapGrpcService<AppointmentsGrpcService>();
app.MapDefaultEndpoints();
return await app.RunAppointmentsAsync(args);
