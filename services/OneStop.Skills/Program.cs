using OneStop.Skills;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("skills", 5103);
builder.AddSkills();

var app = builder.Build();
app.MapSkills();
app.MapDefaultEndpoints();
return await app.RunSkillsAsync(args);
