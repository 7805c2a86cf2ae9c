namespace ParkGlobalMedia.Admin;

public static class AdminModule
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder) => builder;

    public static WebApplication UseAdmin(this WebApplication app) => app;

    public static WebApplication MapAdmin(this WebApplication app) => app;
}
