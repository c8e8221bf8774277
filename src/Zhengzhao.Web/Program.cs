using Zhengzhao.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddZhengzhao();

var app = builder.Build();
await app.InitialiseDatabaseAsync();
app.UseZhengzhao();
await app.RunAsync();
