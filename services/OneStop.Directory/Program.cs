using OneStop.Directory;
using OneStop.Directory.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("directory", 5101);
builder.AddDirectory();

var app = builder.Build();
app.MapGrpcService<DirectoryGrpcService>();
app.MapDefaultEndpoints();
return await app.RunDirectoryAsync(args);
