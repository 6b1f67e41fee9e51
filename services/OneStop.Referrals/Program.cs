using OneStop.Referrals;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("referrals", 5105);
builder.AddReferrals();

var app = builder.Build();
app.MapReferrals();
app.MapDefaultEndpoints();
return await app.RunReferralsAsync(args);
